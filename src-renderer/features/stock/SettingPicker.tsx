/** The EC連携設定 picker of the stock screens; the first setting is chosen until the clerk picks one. */
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { ecSettingQueries } from '../../queries/ec-settings';

export function useSettingChoice(): { settingId: number | null; picker: ReactNode; loaded: boolean; none: boolean } {
  const settings = useQuery(ecSettingQueries.list());
  const [chosen, setChosen] = useState<number | null>(null);
  const rows = settings.data?.rows ?? [];
  const settingId = chosen ?? rows[0]?.id ?? null;
  const picker = (
    <>
      <label htmlFor="stock-setting">EC連携設定</label>
      <select id="stock-setting" value={settingId ?? ''} onChange={(e) => setChosen(Number(e.target.value))}>
        {rows.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
    </>
  );
  return { settingId, picker, loaded: settings.isSuccess, none: settings.isSuccess && rows.length === 0 };
}
