import type { ThemeConfig } from 'antd';

export const FONT_FAMILY =
  '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "Hiragino Sans GB", -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1d5fa8',
    colorInfo: '#1d5fa8',
    colorLink: '#1d5fa8',
    colorBgLayout: '#f3f5f8',
    colorTextBase: '#1f2937',
    borderRadius: 6,
    fontFamily: FONT_FAMILY,
    fontSize: 14,
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff', headerHeight: 56, headerPadding: '0 24px' },
    Menu: { itemSelectedBg: '#e8f0fa', itemBorderRadius: 6 },
    Table: { headerBg: '#f5f7fa' },
    Tree: { nodeSelectedBg: '#dbe8f7' },
  },
};
