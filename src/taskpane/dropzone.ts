/**
 * A drop zone's behaviour, shared by the file zone and the 下级汇总 tab: it shows `over` while
 * files are dragged across it (counting nested enter/leave events), copies, and hands the
 * dropped files on when `accepting()` says the zone takes them now.
 */
export function makeDropZone(zone: HTMLElement, onDrop: (files: FileList) => void, accepting: () => boolean): void {
  let depth = 0;
  zone.setAttribute('data-state', 'idle');
  zone.addEventListener('dragenter', (event) => {
    event.preventDefault();
    depth += 1;
    zone.setAttribute('data-state', 'over');
  });
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    const dt = (event as DragEvent).dataTransfer;
    if (dt) dt.dropEffect = 'copy';
  });
  zone.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) zone.setAttribute('data-state', 'idle');
  });
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    depth = 0;
    zone.setAttribute('data-state', 'idle');
    const files = (event as DragEvent).dataTransfer?.files;
    if (files && files.length > 0 && accepting()) onDrop(files);
  });
}
