import { useQuery } from '@tanstack/react-query';
import { Notice } from './components/Notice';
import { MENU_GROUPS, PAGES } from './pages';
import { appQueries } from './queries/app';
import { useNavigation } from './stores/navigation';

export function App() {
  const { page, go } = useNavigation();
  const current = PAGES.find((p) => p.id === page) ?? PAGES[0]!;
  const Page = current.component;
  const info = useQuery(appQueries.info());
  return (
    <div className="app">
      <nav className="sidebar" aria-label="メインメニュー">
        <button type="button" className="brand" onClick={() => go('home')}>
          BCart Desk
        </button>
        {MENU_GROUPS.map((group) => {
          const items = PAGES.filter((p) => p.group === group);
          if (items.length === 0) return null;
          return (
            <div key={group} className="menu-group">
              <div className="menu-title">{group}</div>
              <ul>
                {items.map((p) => (
                  <li key={p.id}>
                    <a href={`#/${p.id}`} aria-current={p.id === current.id ? 'page' : undefined}
                      onClick={(e) => {
                        e.preventDefault();
                        go(p.id);
                      }}>
                      {p.title}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </nav>
      <main className="content">
        {info.data?.storeClosed ? <Notice kind="warning">受付停止中です。取込・スケジュール・商品と定期申込の編集は停止しています。</Notice> : null}
        <Page key={current.id} />
      </main>
    </div>
  );
}
