import { DeleteOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { EVENT_LIMITS } from '../../../../shared/api/publishing';
import { eventsApi, type AttachmentDto } from '../api';
import { UploadButton } from '../editor/FilesFields';
import { IMAGE_ACCEPT } from '../editor/ImageDialog';

/** The pictures of a 大事记 (a Form.Item's value): thumbnails in order, each removable, and an upload button. */
export function PicturesField({ value = [], onChange }: { value?: AttachmentDto[]; onChange?: (a: AttachmentDto[]) => void }) {
  const full = value.length >= EVENT_LIMITS.pictures;
  return (
    <div className="event-pictures">
      {value.length > 0 && (
        <ul className="event-pictures__list" aria-label="配图">
          {value.map((p) => (
            <li key={p.id} className="event-pictures__item">
              <img src={p.url} alt={p.name} />
              <Button size="small" icon={<DeleteOutlined />} aria-label={`去掉配图 ${p.name}`} onClick={() => onChange?.(value.filter((x) => x.id !== p.id))} />
            </li>
          ))}
        </ul>
      )}
      <UploadButton label="上传配图" accept={IMAGE_ACCEPT} multiple disabled={full} upload={eventsApi.upload} onUploaded={(a) => onChange?.([...value, ...a].slice(0, EVENT_LIMITS.pictures))} />
      <div className="article-files__hint">PNG、JPEG、GIF、WebP 图片，单张最大 10 MB，最多 {EVENT_LIMITS.pictures} 张；门户按上传顺序显示。</div>
    </div>
  );
}
