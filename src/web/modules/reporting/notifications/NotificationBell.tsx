import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Popover } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { reportingApi, type NotificationDto } from '../api';
import './notifications.css';

export const POLL_MS = 60_000;

/** “刚刚”, “5 分钟前”, “今天 09:30”, “11-20 14:05”, “2025-12-31”. */
export function noticeTime(iso: string, now: Date = new Date()): string {
  const at = dayjs(iso);
  const minutes = dayjs(now).diff(at, 'minute');
  if (minutes < 1) return '刚刚';
  if (minutes < 60) return `${minutes} 分钟前`;
  if (at.isSame(now, 'day')) return `今天 ${at.format('HH:mm')}`;
  if (at.isSame(now, 'year')) return at.format('MM-DD HH:mm');
  return at.format('YYYY-MM-DD');
}

function NoticeList({ items, onOpen, onReadAll, onAll }: { items: NotificationDto[]; onOpen: (n: NotificationDto) => void; onReadAll: () => void; onAll: () => void }) {
  const unread = items.filter((n) => !n.read).length;
  return (
    <div className="notice-panel">
      <div className="notice-panel__head">
        <span className="notice-panel__title">通知</span>
        {unread > 0 && (
          <Button type="link" size="small" onClick={onReadAll}>
            全部标为已读
          </Button>
        )}
      </div>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无通知" />
      ) : (
        <ul className="notice-list" aria-label="通知列表">
          {items.slice(0, 30).map((n) => (
            <li key={n.id}>
              <button type="button" className={`notice${n.read ? '' : ' is-unread'}`} onClick={() => onOpen(n)}>
                <span className="notice__title">{n.title}</span>
                <span className="notice__body">{n.body}</span>
                <span className="notice__time">{noticeTime(n.createdAt)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="notice-panel__foot">
        <Button type="link" size="small" onClick={onAll}>
          查看全部通知
        </Button>
      </div>
    </div>
  );
}

/** The header's bell: unread count, refreshed every minute and on every page change; a click opens the list. */
export function NotificationBell() {
  const location = useLocation();
  const navigate = useNavigate();
  const [items, setItems] = useState<NotificationDto[]>([]);
  const [open, setOpen] = useState(false);

  const load = useCallback(() => {
    reportingApi.notifications().then(setItems, () => undefined);
  }, []);

  useEffect(() => {
    load();
  }, [load, location.pathname]);

  useEffect(() => {
    const timer = setInterval(load, POLL_MS);
    return () => clearInterval(timer);
  }, [load]);

  const markRead = async (ids: number[]) => {
    if (ids.length === 0) return;
    setItems((prev) => prev.map((n) => (ids.includes(n.id) ? { ...n, read: true } : n)));
    await reportingApi.markRead(ids).catch(() => load());
  };

  const openNotice = (n: NotificationDto) => {
    setOpen(false);
    if (!n.read) void markRead([n.id]);
    if (n.link) navigate(n.link);
  };

  const unread = items.filter((n) => !n.read).length;
  return (
    <Popover
      trigger="click"
      open={open}
      onOpenChange={setOpen}
      placement="bottomRight"
      arrow={false}
      content={<NoticeList items={items} onOpen={openNotice} onReadAll={() => void markRead(items.filter((n) => !n.read).map((n) => n.id))} onAll={() => { setOpen(false); navigate('/notifications'); }} />}
    >
      <Button type="text" className="notice-bell" aria-label={unread ? `通知，${unread} 条未读` : '通知'}>
        <Badge count={unread} size="small" overflowCount={99}>
          <BellOutlined className="notice-bell__icon" />
        </Badge>
      </Button>
    </Popover>
  );
}
