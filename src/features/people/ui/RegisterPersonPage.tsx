import { Heading } from '@digdir/designsystemet-react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { api } from '../../../platform/ui/api.ts';
import type { PersonOutput } from '../people.schema.ts';
import { PersonForm } from './PersonForm.tsx';

export function RegisterPersonPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('people.formTitleNew')}
      </Heading>
      <PersonForm
        onSubmit={async (value) => {
          const person = await api.post<PersonOutput>('/api/people', value);
          navigate(`/personer/${person.id}`, { state: { registered: `${person.givenName} ${person.familyName}` } });
        }}
      />
    </div>
  );
}
