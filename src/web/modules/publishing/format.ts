import dayjs from 'dayjs';

/** An ISO time as the reader's local date and minute, '—' when there is none. */
export const localTime = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');
/** An ISO time as a date. */
export const localDate = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD') : '');
