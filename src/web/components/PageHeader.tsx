import type { ReactNode } from 'react';

interface PageHeaderProps {
  title: ReactNode;
  /** Small line above the title, e.g. a breadcrumb. */
  breadcrumb?: ReactNode;
  description?: ReactNode;
  extra?: ReactNode;
}

export function PageHeader({ title, breadcrumb, description, extra }: PageHeaderProps) {
  return (
    <header className="page-header">
      <div className="page-header__main">
        {breadcrumb && <div className="page-header__breadcrumb">{breadcrumb}</div>}
        <h1 className="page-header__title">{title}</h1>
        {description && <div className="page-header__description">{description}</div>}
      </div>
      {extra && <div className="page-header__extra">{extra}</div>}
    </header>
  );
}
