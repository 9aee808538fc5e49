// What the panel does to the page around it: the docked column's room, and a file saved from it.
/**
 * The room the page makes for the docked panel: padding on the page's root element, so the portal's content
 * narrows beside the panel (its own fixed-position bars excepted). What the page had there is put back when the
 * panel floats again or goes.
 */
export function pageRoom() {
  let reserved = false;
  let before = { value: '', priority: '' };
  return (px: number) => {
    const root = document.documentElement;
    if (px > 0) {
      if (!reserved) before = { value: root.style.getPropertyValue('padding-right'), priority: root.style.getPropertyPriority('padding-right') };
      reserved = true;
      root.style.setProperty('padding-right', `${Math.ceil(px)}px`, 'important');
    } else if (reserved) {
      reserved = false;
      if (before.value) root.style.setProperty('padding-right', before.value, before.priority);
      else root.style.removeProperty('padding-right');
    }
  };
}

/** Saves `text` as a CSV file (with a BOM, so spreadsheets read it as UTF-8). */
export function downloadCsv(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([`\uFEFF${text}`], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
