// Globals that exist in every runtime src-shared runs in (Node ≥ 20 and Chromium) but are not in
// the ES library alone. Only tsconfig.shared.json includes this file; main and renderer get the
// real declarations from @types/node and lib.dom.
declare class URL {
  constructor(url: string, base?: string);
  readonly protocol: string;
  readonly hostname: string;
  readonly host: string;
  readonly origin: string;
  readonly port: string;
  readonly pathname: string;
  readonly search: string;
  readonly username: string;
  readonly password: string;
  readonly href: string;
  toString(): string;
}
