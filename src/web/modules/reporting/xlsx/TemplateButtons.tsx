import { DownloadOutlined, FileExcelOutlined } from '@ant-design/icons';
import { Button, Select } from 'antd';
import { useState, type ComponentProps } from 'react';
import type { GridDto, TaskDto } from '../../../../shared/api/reporting';
import { useCurrentUser } from '../../auth/SessionContext';
import { reportingApi, reportingUrls } from '../api';
import { TemplateDialog } from './TemplateDialog';
import { mayUpload } from './uploadRights';

const OPEN_LABEL = 'Excel 模板填报';

function DownloadLink({ href, label }: { href: string; label: string }) {
  // A plain link: the browser saves the file under the name the server gives it.
  return (
    <Button icon={<DownloadOutlined />} href={href} download>
      {label}
    </Button>
  );
}

/** The button and, once opened, its dialog; the dialog is mounted only while open, so it starts fresh each time. */
function OpenTemplateDialog(props: Omit<ComponentProps<typeof TemplateDialog>, 'onClose'>) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<FileExcelOutlined />} onClick={() => setOpen(true)}>
        {OPEN_LABEL}
      </Button>
      {open && <TemplateDialog {...props} onClose={() => setOpen(false)} />}
    </>
  );
}

interface SubmissionTemplateProps {
  grid: GridDto;
  /** Saves what is still typed in the grid, so the upload does not race it. */
  beforeUpload: () => Promise<void>;
  onUploaded: () => void;
}

/** The entry page's way to Excel: this submission's template, and its upload while the data is open. */
export function SubmissionTemplateButton({ grid, beforeUpload, onUploaded }: SubmissionTemplateProps) {
  const user = useCurrentUser();
  const s = grid.submission;
  const blocked = !mayUpload(user, s)
    ? '您可以下载本表数据查看；上传由本成员单位填报员或统计监测组进行。'
    : !grid.editable
      ? (grid.lockedReason ?? '本表当前不能修改')
      : null;
  const send = async (file: File) => {
    await beforeUpload();
    return reportingApi.uploadSubmission(s.id, file);
  };
  return (
    <OpenTemplateDialog
      title={`${OPEN_LABEL}：${s.orgUnit.name} · ${s.department.shortName}`}
      download={<DownloadLink href={reportingUrls.submissionTemplate(s.id)} label="下载本表模板" />}
      upload={blocked ? { blocked } : { send }}
      onUploaded={onUploaded}
    />
  );
}

interface TaskTemplateProps {
  task: Pick<TaskDto, 'id'>;
  /** The task's reporting departments, by short name. */
  departments: readonly string[];
  onUploaded: () => void;
}

/** A task's template for one department: a sheet per unit it reports for, for the committee's staff. */
export function TaskTemplateButton({ task, departments, onUploaded }: TaskTemplateProps) {
  const user = useCurrentUser();
  const [department, setDepartment] = useState<string | undefined>(departments[0]);
  if (departments.length === 0) return null;
  return (
    <OpenTemplateDialog
      title={`${OPEN_LABEL}：按成员单位`}
      download={
        <div className="xlsx-download">
          <Select
            aria-label="成员单位"
            value={department}
            onChange={setDepartment}
            options={departments.map((d) => ({ value: d, label: d }))}
            style={{ width: 180 }}
              />
              {department && <DownloadLink href={reportingUrls.taskTemplate(task.id, department)} label={`下载${department}模板（每个填报单位一个工作表）`} />}
            </div>
          }
          upload={
            mayUpload(user, null)
              ? { send: (file) => reportingApi.uploadTask(task.id, file) }
              : { blocked: '您可以下载模板查看各单位数据；上传由成员单位填报员或统计监测组进行。' }
          }
          onUploaded={onUploaded}
    />
  );
}
