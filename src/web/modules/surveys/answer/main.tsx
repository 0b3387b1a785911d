import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AnswerApp } from './AnswerApp';
import './answer.css';

// The answering page: its own small bundle (React only), not the admin app.
const publicId = decodeURIComponent(location.pathname.replace(/^\/s\//, '').split('/')[0] ?? '');
const code = new URLSearchParams(location.search).get('code') ?? '';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AnswerApp publicId={publicId} initialCode={code} />
  </StrictMode>,
);
