import { Navigate } from 'react-router-dom';
import { homePath } from './permissions';
import { useCurrentUser } from './SessionContext';

/** `/`: each user's start page. */
export default function HomeRedirect() {
  return <Navigate to={homePath(useCurrentUser())} replace />;
}
