import { Input } from 'antd';
import { useNavigate } from 'react-router-dom';

/** Search across articles and indicators; opens the results page. */
export function SearchBox({ initial = '', className }: { initial?: string; className?: string }) {
  const navigate = useNavigate();
  return (
    <form role="search" className={`portal-search ${className ?? ''}`} onSubmit={(e) => e.preventDefault()}>
      <Input.Search
        defaultValue={initial}
        placeholder="搜索文章、通知、指标"
        aria-label="站内搜索"
        enterButton="搜索"
        maxLength={100}
        allowClear
        onSearch={(v) => {
          const q = v.trim();
          if (q) navigate(`/portal/search?q=${encodeURIComponent(q)}`);
        }}
      />
    </form>
  );
}
