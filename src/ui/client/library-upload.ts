/** Upload by drag-and-drop or file picker: each file goes uploading → indexing → answerable, or shows its error. */
import { jobFinished, servedIndexHas, uploadDocument } from './admin-api.js';
import { ApiError } from './api.js';
import { el } from './dom.js';

export const UPLOAD_TYPES = ['.txt', '.md', '.html'];

type Stage = 'uploading' | 'indexing' | 'answerable' | 'error';

const STAGE_TEXT: Record<Stage, string> = {
  uploading: 'uploading…',
  indexing: 'indexing…',
  answerable: 'answerable',
  error: 'error',
};

function progressRow(name: string): { row: HTMLElement; set(stage: Stage, detail?: string): void } {
  const status = el('span', { className: 'upload-status' });
  const row = el('li', { className: 'upload-item', attrs: { 'data-file': name } }, [el('span', { className: 'upload-name', text: name }), status]);
  return {
    row,
    set(stage, detail) {
      row.dataset.stage = stage;
      status.textContent = detail ? `${STAGE_TEXT[stage]}: ${detail}` : STAGE_TEXT[stage];
    },
  };
}

const hasUploadType = (name: string) => UPLOAD_TYPES.some((ext) => name.toLowerCase().endsWith(ext));

async function uploadOne(token: string, file: File, set: (stage: Stage, detail?: string) => void): Promise<boolean> {
  if (!hasUploadType(file.name)) {
    set('error', `only ${UPLOAD_TYPES.join(', ')} files can be added`);
    return false;
  }
  try {
    const accepted = await uploadDocument(token, file);
    if (accepted.duplicate || !accepted.jobId) {
      set('answerable', 'already in the library');
      return true;
    }
    set('indexing');
    const job = await jobFinished(token, accepted.jobId);
    const skipped = job.summary?.skipped.find((s) => s.path.endsWith(accepted.docId) || accepted.docId.endsWith(s.path));
    if (skipped) {
      set('error', skipped.reason);
      return false;
    }
    if (!(await servedIndexHas(accepted.docId, true))) {
      set('error', 'indexed, but the server is not serving it yet; reload the library in a moment');
      return false;
    }
    set('answerable');
    return true;
  } catch (error) {
    set('error', error instanceof ApiError ? error.message : 'the upload failed');
    return false;
  }
}

/**
 * Wires the drop zone and the file input. Every file is sent at once and followed on its own
 * (the server lets uploads that arrive together share one re-index); `onAnswerable` runs after
 * each file that can now be asked about.
 */
export function setUpUpload(zone: HTMLElement, input: HTMLInputElement, list: HTMLElement, token: () => string | null, onAnswerable: () => void): void {
  const add = (files: File[]) => {
    const key = token();
    if (!key) return;
    for (const file of files) {
      const { row, set } = progressRow(file.name);
      set('uploading');
      list.append(row);
      void uploadOne(key, file, set).then((answerable) => answerable && onAnswerable());
    }
  };
  input.addEventListener('change', () => {
    add([...(input.files ?? [])]);
    input.value = '';
  });
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('dragging');
    add([...(event.dataTransfer?.files ?? [])]);
  });
}
