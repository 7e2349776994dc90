import { useApi } from '../../api/useApi';
import { useAuth } from '../../auth/AuthContext';
import { loadStaffOptions } from './staff-options';

/** Staff and leader choices for a registry form, loaded when the form opens (see staff-options.ts for the source). */
export function useStaffOptions() {
  const { user } = useAuth();
  return useApi((signal) => loadStaffOptions(user, signal), [user?.id]);
}
