import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { PageLoading } from './components/PageLoading';
import HomeRedirect from './modules/auth/HomeRedirect';
import { RequireAuth } from './modules/auth/RequireAuth';
import { managesPeople, readsReports, seesAnalytics } from './modules/auth/permissions';
import { RequirePermission } from './modules/auth/RequirePermission';
import { reviewsData } from './modules/reporting/permissions';
import { editsArticles, editsEvents } from './modules/publishing/permissions';

const LoginPage = lazy(() => import('./modules/auth/LoginPage'));
const AppLayout = lazy(() => import('./components/AppLayout'));
const PlanListPage = lazy(() => import('./modules/plans/PlanListPage'));
const PlanImportPage = lazy(() => import('./modules/plans/import/PlanImportPage'));
const PlanDetailPage = lazy(() => import('./modules/plans/detail/PlanDetailPage'));
const PlanVersionsPage = lazy(() => import('./modules/plans/versions/PlanVersionsPage'));
const IndicatorListPage = lazy(() => import('./modules/indicators/IndicatorListPage'));
const IndicatorEditPage = lazy(() => import('./modules/indicators/detail/IndicatorEditPage'));
const OrgTreePage = lazy(() => import('./modules/orgs/OrgTreePage'));
const UserListPage = lazy(() => import('./modules/users/UserListPage'));
const MySubmissionsPage = lazy(() => import('./modules/reporting/mine/MySubmissionsPage'));
const SubmissionEntryPage = lazy(() => import('./modules/reporting/entry/SubmissionEntryPage'));
const TaskListPage = lazy(() => import('./modules/reporting/tasks/TaskListPage'));
const TaskDetailPage = lazy(() => import('./modules/reporting/tasks/TaskDetailPage'));
const ReviewQueuePage = lazy(() => import('./modules/reporting/review/ReviewQueuePage'));
const OverviewPage = lazy(() => import('./modules/analytics/overview/OverviewPage'));
const IndicatorAnalyticsPage = lazy(() => import('./modules/analytics/indicator/IndicatorAnalyticsPage'));
const ScorecardPage = lazy(() => import('./modules/analytics/scorecard/ScorecardPage'));
const WarningsPage = lazy(() => import('./modules/analytics/warnings/WarningsPage'));
const AchievementPage = lazy(() => import('./modules/analytics/achievement/AchievementPage'));
const PortalLayout = lazy(() => import('./modules/portal/PortalLayout'));
const PortalHomePage = lazy(() => import('./modules/portal/PortalHomePage'));
const PortalIndicatorsPage = lazy(() => import('./modules/portal/PortalIndicatorsPage'));
const PortalSearchPage = lazy(() => import('./modules/portal/PortalSearchPage'));
const PortalIndicatorPage = lazy(() => import('./modules/portal/PortalIndicatorPage'));
const SurveyListPage = lazy(() => import('./modules/surveys/SurveyListPage'));
const SurveyPage = lazy(() => import('./modules/surveys/SurveyPage'));
const NotFoundPage = lazy(() => import('./components/NotFoundPage'));
const ApiTokensPage = lazy(() => import('./modules/auth/tokens/ApiTokensPage'));
const ArticleListPage = lazy(() => import('./modules/publishing/ArticleListPage'));
const ArticleEditPage = lazy(() => import('./modules/publishing/editor/ArticleEditPage'));
const EventsPage = lazy(() => import('./modules/publishing/events/EventsPage'));
const FollowupListPage = lazy(() => import('./modules/followup/FollowupListPage'));
const FollowupPage = lazy(() => import('./modules/followup/FollowupPage'));
const NotificationCentrePage = lazy(() => import('./modules/notifications/NotificationCentrePage'));
const NotificationSettingsPage = lazy(() => import('./modules/notifications/NotificationSettingsPage'));
const FilingOverviewPage = lazy(() => import('./modules/plans/filing/FilingOverviewPage'));
const FilingPage = lazy(() => import('./modules/plans/filing/FilingPage'));
const KeyItemsPage = lazy(() => import('./modules/workitems/KeyItemsPage'));
const KeyItemPage = lazy(() => import('./modules/workitems/KeyItemPage'));
const SupervisionsPage = lazy(() => import('./modules/workitems/SupervisionsPage'));
const WorkPointsPage = lazy(() => import('./modules/workitems/WorkPointsPage'));
const ReportListPage = lazy(() => import('./modules/reports/ReportListPage'));
const ReportPage = lazy(() => import('./modules/reports/ReportPage'));
const MyResponsibilitiesPage = lazy(() => import('./modules/plans/responsibilities/MyResponsibilitiesPage'));
const ImplementationPage = lazy(() => import('./modules/plans/responsibilities/ImplementationPage'));
const UnitReportsPage = lazy(() => import('./modules/unitreports/UnitReportsPage'));
const UnitReportRoundPage = lazy(() => import('./modules/unitreports/RoundPage'));
const UnitReportFormPage = lazy(() => import('./modules/unitreports/FormPage'));
const EvaluationRoundsPage = lazy(() => import('./modules/evaluation/RoundsPage'));
const EvaluationRoundPage = lazy(() => import('./modules/evaluation/RoundPage'));
const EvaluationFormPage = lazy(() => import('./modules/evaluation/FormPage'));

export function AppRoutes() {
  return (
    <Suspense fallback={<PageLoading fullScreen />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        {/* The public portal: no login, its own frame. */}
        <Route path="/portal" element={<PortalLayout />}>
          <Route index element={<PortalHomePage />} />
          <Route path="indicators" element={<PortalIndicatorsPage />} />
          <Route path="indicators/:id" element={<PortalIndicatorPage />} />
          <Route path="search" element={<PortalSearchPage />} />
        </Route>
        <Route
          element={
            <RequireAuth>
              <AppLayout />
            </RequireAuth>
          }
        >
          <Route index element={<HomeRedirect />} />
          <Route path="plans" element={<PlanListPage />} />
          <Route path="plans/import" element={<PlanImportPage />} />
          <Route path="plans/:id" element={<PlanDetailPage />} />
          <Route path="plans/:id/versions" element={<PlanVersionsPage />} />
          <Route path="indicators" element={<IndicatorListPage />} />
          <Route path="indicators/:id" element={<IndicatorEditPage />} />
          <Route path="orgs" element={<OrgTreePage />} />
          <Route element={<RequirePermission allowed={managesPeople} />}>
            <Route path="users" element={<UserListPage />} />
          </Route>
          <Route path="reporting" element={<MySubmissionsPage />} />
          <Route path="reporting/submissions/:id" element={<SubmissionEntryPage />} />
          <Route path="reporting/tasks" element={<TaskListPage />} />
          <Route path="reporting/tasks/:id" element={<TaskDetailPage />} />
          <Route element={<RequirePermission allowed={reviewsData} />}>
            <Route path="reporting/review" element={<ReviewQueuePage />} />
          </Route>
          <Route element={<RequirePermission allowed={seesAnalytics} />}>
            <Route path="analytics" element={<OverviewPage />} />
            <Route path="analytics/indicators/:id" element={<IndicatorAnalyticsPage />} />
            <Route path="analytics/scorecard" element={<ScorecardPage />} />
            <Route path="analytics/warnings" element={<WarningsPage />} />
            <Route path="analytics/achievement" element={<AchievementPage />} />
          </Route>
          <Route element={<RequirePermission allowed={readsReports} />}>
            <Route path="reports" element={<ReportListPage />} />
            <Route path="reports/:id" element={<ReportPage />} />
          </Route>
          <Route path="account/tokens" element={<ApiTokensPage />} />
          <Route path="surveys" element={<SurveyListPage />} />
          <Route path="surveys/:id" element={<SurveyPage />} />
          <Route element={<RequirePermission allowed={editsArticles} />}>
            <Route path="publishing/articles" element={<ArticleListPage />} />
            <Route path="publishing/articles/new" element={<ArticleEditPage />} />
            <Route path="publishing/articles/:id" element={<ArticleEditPage />} />
          </Route>
          <Route element={<RequirePermission allowed={editsEvents} />}>
            <Route path="publishing/events" element={<EventsPage />} />
          </Route>
          <Route path="followups" element={<FollowupListPage />} />
          <Route path="followups/:id" element={<FollowupPage />} />
          <Route path="notifications" element={<NotificationCentrePage />} />
          <Route path="account/notifications" element={<NotificationSettingsPage />} />
          <Route path="plans/filings" element={<FilingOverviewPage />} />
          <Route path="plans/filings/:id" element={<FilingPage />} />
          <Route path="workitems" element={<KeyItemsPage />} />
          <Route path="workitems/supervisions" element={<SupervisionsPage />} />
          <Route path="workitems/points" element={<WorkPointsPage />} />
          <Route path="workitems/:id" element={<KeyItemPage />} />
          <Route path="my-responsibilities" element={<MyResponsibilitiesPage />} />
          <Route path="plans/:id/implementation" element={<ImplementationPage />} />
          <Route path="unitreports" element={<UnitReportsPage />} />
          <Route path="unitreports/rounds/:id" element={<UnitReportRoundPage />} />
          <Route path="unitreports/forms/:id" element={<UnitReportFormPage />} />
          <Route path="evaluation" element={<EvaluationRoundsPage />} />
          <Route path="evaluation/rounds/:id" element={<EvaluationRoundPage />} />
          <Route path="evaluation/forms/:id" element={<EvaluationFormPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
