/** A link to the システムログ of one import run (`#/system-log/<id>`), opened in the app's own navigation. */
export function SystemLogLink({ importRunId, onOpen, children }: { importRunId: number; onOpen: (importRunId: number) => void; children: string }) {
  return (
    <a
      className="log-link"
      href={`#/system-log/${importRunId}`}
      onClick={(e) => {
        e.preventDefault();
        onOpen(importRunId);
      }}
    >
      {children}
    </a>
  );
}
