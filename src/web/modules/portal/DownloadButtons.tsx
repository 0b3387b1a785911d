import { DownloadOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { publicUrls } from './api';

/** The published indicators' data as SDMX-CSV and ADX XML. */
export function DownloadButtons() {
  return (
    <Space wrap>
      <Button icon={<DownloadOutlined />} href={publicUrls.sdmx} download>
        下载 SDMX-CSV
      </Button>
      <Button icon={<DownloadOutlined />} href={publicUrls.adx} download>
        下载 ADX
      </Button>
    </Space>
  );
}
