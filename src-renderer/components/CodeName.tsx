/** A code over its full name (得意先, 倉庫 …) in a list cell: the name is never cut off, the rows are two lines high. */
export function CodeName({ code, name }: { code: string; name: string }) {
  return (
    <span className="code-name" title={`${code} ${name}`}>
      <span className="code-name-code">{code}</span>
      <span className="code-name-name">{name}</span>
    </span>
  );
}
