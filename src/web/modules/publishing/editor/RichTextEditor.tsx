import {
  BoldOutlined, DeleteColumnOutlined, DeleteOutlined, DeleteRowOutlined, InsertRowBelowOutlined, InsertRowRightOutlined, ItalicOutlined,
  LinkOutlined, OrderedListOutlined, PictureOutlined, RedoOutlined, TableOutlined, UnderlineOutlined, UndoOutlined, UnorderedListOutlined,
} from '@ant-design/icons';
import Image from '@tiptap/extension-image';
import { TextSelection } from '@tiptap/pm/state';
import { TableKit } from '@tiptap/extension-table';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { Button, Divider, Select, Tooltip } from 'antd';
import { useState, type ReactNode } from 'react';
import { ImageDialog } from './ImageDialog';
import { LinkDialog } from './LinkDialog';
import { wordHtmlToEditorHtml } from './wordPaste';

const BLOCKS = [
  { value: 'p', label: '正文' },
  { value: 'h2', label: '标题 2' },
  { value: 'h3', label: '标题 3' },
  { value: 'h4', label: '标题 4' },
] as const;
type Block = (typeof BLOCKS)[number]['value'];

function blockOf(editor: Editor): Block {
  for (const level of [2, 3, 4] as const) if (editor.isActive('heading', { level })) return `h${level}`;
  return 'p';
}

function setBlock(editor: Editor, block: Block) {
  const chain = editor.chain().focus();
  if (block === 'p') chain.setParagraph().run();
  else chain.setHeading({ level: Number(block.slice(1)) as 2 | 3 | 4 }).run();
}

function Tool({ label, icon, onClick, active, disabled }: { label: string; icon: ReactNode; onClick: () => void; active?: boolean; disabled?: boolean }) {
  return (
    <Tooltip title={label}>
      <Button type={active ? 'primary' : 'text'} ghost={active} size="small" icon={icon} aria-label={label} aria-pressed={active} onClick={onClick} disabled={disabled} />
    </Tooltip>
  );
}

/**
 * The article body editor (TipTap): headings, lists, tables, links and images from the attachment
 * store; what Word pastes is turned into real lists and headings first. Takes a Form.Item's value
 * and onChange (HTML); the value is read when it mounts, so mount it once the article is loaded.
 */
export function RichTextEditor({ value, onChange, id }: { value?: string; onChange?: (html: string) => void; id?: string }) {
  const [dialog, setDialog] = useState<'link' | 'image' | null>(null);
  const editor = useEditor({
    extensions: [
      StarterKit.configure({ heading: { levels: [2, 3, 4] }, link: { openOnClick: false, protocols: ['http', 'https', 'mailto'] } }),
      Image.configure({ inline: false, allowBase64: false }),
      TableKit.configure({ table: { resizable: false } }),
    ],
    content: value ?? '',
    shouldRerenderOnTransaction: true,
    editorProps: {
      attributes: { class: 'rte__content article-body', 'aria-label': '正文', role: 'textbox', 'aria-multiline': 'true', ...(id ? { id } : {}) },
      transformPastedHTML: wordHtmlToEditorHtml,
    },
    onUpdate: ({ editor: e }) => onChange?.(e.isEmpty ? '' : e.getHTML()),
  });
  if (!editor) return null;
  const inTable = editor.isActive('table');
  const run = (f: (c: ReturnType<Editor['chain']>) => ReturnType<Editor['chain']>) => () => f(editor.chain().focus()).run();

  return (
    <div className="rte">
      <div className="rte__toolbar" role="toolbar" aria-label="正文格式">
        <Select<Block> size="small" className="rte__block" style={{ width: 96 }} value={blockOf(editor)} options={[...BLOCKS]} onChange={(b) => setBlock(editor, b)} aria-label="段落样式" />
        <Divider orientation="vertical" />
        <Tool label="加粗" icon={<BoldOutlined />} active={editor.isActive('bold')} onClick={run((c) => c.toggleBold())} />
        <Tool label="斜体" icon={<ItalicOutlined />} active={editor.isActive('italic')} onClick={run((c) => c.toggleItalic())} />
        <Tool label="下划线" icon={<UnderlineOutlined />} active={editor.isActive('underline')} onClick={run((c) => c.toggleUnderline())} />
        <Divider orientation="vertical" />
        <Tool label="项目符号列表" icon={<UnorderedListOutlined />} active={editor.isActive('bulletList')} onClick={run((c) => c.toggleBulletList())} />
        <Tool label="编号列表" icon={<OrderedListOutlined />} active={editor.isActive('orderedList')} onClick={run((c) => c.toggleOrderedList())} />
        <Divider orientation="vertical" />
        <Tool label="链接" icon={<LinkOutlined />} active={editor.isActive('link')} onClick={() => setDialog('link')} />
        <Tool label="插入图片" icon={<PictureOutlined />} onClick={() => setDialog('image')} />
        <Tool label="插入表格" icon={<TableOutlined />} disabled={inTable} onClick={run((c) => c.insertTable({ rows: 3, cols: 3, withHeaderRow: true }))} />
        {inTable && (
          <>
            <Tool label="下方插入行" icon={<InsertRowBelowOutlined />} onClick={run((c) => c.addRowAfter())} />
            <Tool label="右侧插入列" icon={<InsertRowRightOutlined />} onClick={run((c) => c.addColumnAfter())} />
            <Tool label="删除行" icon={<DeleteRowOutlined />} onClick={run((c) => c.deleteRow())} />
            <Tool label="删除列" icon={<DeleteColumnOutlined />} onClick={run((c) => c.deleteColumn())} />
            <Tool label="删除表格" icon={<DeleteOutlined />} onClick={run((c) => c.deleteTable())} />
          </>
        )}
        <Divider orientation="vertical" />
        <Tool label="撤销" icon={<UndoOutlined />} disabled={!editor.can().undo()} onClick={run((c) => c.undo())} />
        <Tool label="重做" icon={<RedoOutlined />} disabled={!editor.can().redo()} onClick={run((c) => c.redo())} />
      </div>
      <EditorContent editor={editor} />
      {dialog === 'link' && (
        <LinkDialog
          initial={(editor.getAttributes('link').href as string | undefined) ?? ''}
          onClose={() => setDialog(null)}
          onDone={(href) => {
            const chain = editor.chain().focus().extendMarkRange('link');
            (href ? chain.setLink({ href, target: '_blank' }) : chain.unsetLink()).run();
            setDialog(null);
          }}
        />
      )}
      {dialog === 'image' && (
        <ImageDialog
          onClose={() => setDialog(null)}
          onDone={(src, alt) => {
            // The new image is left selected; typing would replace it, so the cursor moves on past it.
            editor
              .chain()
              .focus()
              .setImage({ src, alt })
              .command(({ tr }) => {
                const after = tr.selection.to;
                if (!tr.doc.resolve(after).nodeAfter?.isTextblock) tr.insert(after, editor.schema.nodes.paragraph!.create());
                tr.setSelection(TextSelection.create(tr.doc, after + 1));
                return true;
              })
              .run();
            setDialog(null);
          }}
        />
      )}
    </div>
  );
}
