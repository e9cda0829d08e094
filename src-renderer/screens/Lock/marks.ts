/** User Timing mark set once per page load when the staff cards first become tappable (bench/kiosk.bench.ts). */
export const LOCK_READY_MARK = 'kk:lock-ready';
