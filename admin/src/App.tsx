import { Admin, Resource } from 'react-admin';
import { Dashboard } from './dashboard/Dashboard';
import { dataProvider } from './providers/dataProvider';
import { i18nProvider } from './i18n';
import { resources } from './resources/config';
import { ResourceCreate, ResourceEdit, ResourceList, ResourceShow } from './resources/views';

/** The console: every resource of the registry, through the public GraphQL API. Login comes with access control. */
export function App() {
  return (
    <Admin
      dataProvider={dataProvider}
      i18nProvider={i18nProvider}
      dashboard={Dashboard}
      disableTelemetry
      title="app.title"
    >
      {resources.map((r) => (
        <Resource
          key={r.name}
          name={r.name}
          recordRepresentation={r.title}
          list={r.hidden ? undefined : () => <ResourceList r={r} />}
          show={() => <ResourceShow r={r} />}
          edit={() => <ResourceEdit r={r} />}
          create={() => <ResourceCreate r={r} />}
        />
      ))}
    </Admin>
  );
}
