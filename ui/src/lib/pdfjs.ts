// pdf.js, loaded on demand by PdfPreview (it is large). The legacy build runs in WebKitGTK, whose
// JavaScript lags the newest Safari; its worker is served as a file by Vite.
import { GlobalWorkerOptions, getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import workerUrl from "pdfjs-dist/legacy/build/pdf.worker.min.mjs?url";

GlobalWorkerOptions.workerSrc = workerUrl;

/** Opens a PDF from its bytes. */
export function openPdf(data: Uint8Array) {
  return getDocument({ data, isEvalSupported: false }).promise;
}
