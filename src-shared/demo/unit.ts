import type { Unit } from '../domain/types';

/**
 * The demo unit: a fictional bagian of the Sekretariat Daerah. Ids in the demo set are fixed
 * v4-format UUIDs so the kiosk, the tests and the central server seed the same rows; the first
 * group names the table (de30a… unit, de30e… employees, de30c… catalog, de30b… RHK, de30d… absences).
 */
export const DEMO_UNIT: Unit = {
  id: 'de30a000-0000-4000-8000-000000000001',
  code: 'SETDA-ORG',
  name: 'Bagian Organisasi Sekretariat Daerah Kota Probolinggo',
  parentId: null,
  timeZone: 'Asia/Jakarta',
};
