import type { Modality } from '../openrouter/model-details.js';
import { builder } from './builder.js';

export const ModalityEnum = builder.enumType('Modality', {
  description: 'A kind of content a model takes in or puts out.',
  values: {
    TEXT: { value: 'text', description: 'Text.' },
    IMAGE: { value: 'image', description: 'Images.' },
    FILE: { value: 'file', description: 'Files such as PDFs.' },
    AUDIO: { value: 'audio', description: 'Audio.' },
    VIDEO: { value: 'video', description: 'Video.' },
  } as const satisfies Record<string, { value: Modality; description: string }>,
});
