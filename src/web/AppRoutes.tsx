import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { PageLoading } from './components/PageLoading';
import { RequireAuth } from './modules/auth/RequireAuth';

const LoginPage = lazy(() => import('./modules/auth/LoginPage'));
const AppLayout = lazy(() => import('./components/AppLayout'));
const PlanListPage = lazy(() => import('./modules/plans/PlanListPage'));
const PlanImportPage = lazy(() => import('./modules/plans/import/PlanImportPage'));
const PlanDetailPage = lazy(() => import('./modules/plans/detail/PlanDetailPage'));
const OrgTreePage = lazy(() => import('./modules/orgs/OrgTreePage'));
const NotFoundPage = lazy(() => import('./components/NotFoundPage'));

export function AppRoutes() {
  return (
    <Suspense fallback={<PageLoading fullScreen />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route
          element={
            <RequireAuth>
              <AppLayout />
            </RequireAuth>
          }
        >
          <Route index element={<Navigate to="/plans" replace />} />
          <Route path="plans" element={<PlanListPage />} />
          <Route path="plans/import" element={<PlanImportPage />} />
          <Route path="plans/:id" element={<PlanDetailPage />} />
          <Route path="orgs" element={<OrgTreePage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
