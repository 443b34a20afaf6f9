import { PageHeader } from '../components/PageHeader';
import { es } from '../i18n/es';

export function NotFoundPage() {
  return <PageHeader title={es.errors.notFoundTitle} intro={es.errors.notFound} />;
}
