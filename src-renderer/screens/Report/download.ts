/**
 * Saves a file the core made (report-xlsx answers base64) through the browser's download: the
 * bytes become a Blob, an object URL, and a click on a temporary <a download>. The Electron shell
 * will later turn this into its save dialog; the screens keep calling this one function.
 */
export function saveBase64File(file: { fileName: string; mimeType: string; base64: string }, doc: Document = document): void {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.hidden = true;
  doc.body.append(a);
  try {
    a.click();
  } finally {
    a.remove();
    // The browser reads the URL after the click returns: revoking at once could cancel the save.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
