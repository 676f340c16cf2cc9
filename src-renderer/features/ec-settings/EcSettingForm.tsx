/**
 * EC連携設定 detail form: every field of the manual's table. Main checks all rules and references
 * at once; every problem it returns is shown beside its field.
 */
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { jstDateOf } from '../../../src-shared/domain/jst-date';
import { emptyEcSetting, type EcSetting } from '../../../src-shared/ec-settings/ec-setting';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FieldControl } from '../../components/FieldControl';
import { FormField } from '../../components/FormField';
import { FormStatus, useFocusFirstError, type FieldProblem } from '../../components/FormStatus';
import { formatJstDate } from '../../format/datetime';
import { ApiError, api, unwrap } from '../../ipc/api';
import { useUnsavedGuard } from '../../stores/unsaved-changes';
import { dateInputOf, SETTING_FIELDS, toFormValues, toInput, type FormValues } from './ec-setting-fields';
import { useSettingOptions } from './master-options';

export function EcSettingForm(props: { setting: EcSetting | null; onSaved: (s: EcSetting) => void }) {
  const options = useSettingOptions();
  const [serverError, setServerError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const initial = () => toFormValues(props.setting ?? emptyEcSetting(jstDateOf(Date.now())));
  const form = useForm<FormValues>({ defaultValues: initial() });
  const formRef = useRef<HTMLFormElement>(null);
  const [failures, setFailures] = useState(0);
  const release = useUnsavedGuard(form.formState.isDirty, props.setting ? `EC連携設定「${props.setting.name}」` : 'EC連携設定(新規)');

  useEffect(() => {
    form.reset(initial());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.setting?.id, props.setting?.updatedAt]);
  // a save changes updatedAt; the 保存しました notice stays until another record is opened
  useEffect(() => {
    setServerError(null);
    setSaved(false);
  }, [props.setting?.id]);

  const save = useMutation({
    mutationFn: (v: FormValues) => {
      const input = toInput(v);
      return unwrap(props.setting ? api().settings.update({ id: props.setting.id, values: input }) : api().settings.create(input));
    },
    onMutate: () => {
      form.clearErrors();
      setSaved(false);
    },
    meta: { changes: ['ecSettings'] },
    onSuccess: (s) => {
      setServerError(null);
      setSaved(true);
      release();
      props.onSaved(s);
    },
    onError: (e) => {
      setServerError(e);
      if (e instanceof ApiError) for (const f of e.data.fields ?? []) form.setError(f.path.replace(/^values\./, ''), { message: f.message });
      setFailures((n) => n + 1);
    },
  });

  const idOf = (n: string) => `ec-${n}`;
  // selects are bound to the form state: their options may arrive (or be refetched) after the values
  const values = form.watch();
  const problems: FieldProblem[] = SETTING_FIELDS.flatMap((f) => {
    const message = form.formState.errors[f.name]?.message;
    return typeof message === 'string' ? [{ id: idOf(f.name), label: f.label, message }] : [];
  });
  useFocusFirstError(formRef, failures, problems.length);
  const backwards = startDateMovedBack(props.setting?.importStartDate ?? null, String(values['importStartDate'] ?? ''));
  if (options.loading) return <p className="placeholder">マスタを読み込み中…</p>;
  return (
    <form ref={formRef} className="master-form" aria-label={props.setting ? 'EC連携設定の編集' : 'EC連携設定の新規登録'} noValidate onSubmit={form.handleSubmit((v) => save.mutate(v))}>
      <h2>{props.setting ? `EC連携設定「${props.setting.name}」の編集` : 'EC連携設定の新規登録'}</h2>
      <ErrorNotice error={options.error} />
      <fieldset disabled={save.isPending}>
        {SETTING_FIELDS.map((f) => {
          const message = form.formState.errors[f.name]?.message;
          const err = typeof message === 'string' ? message : undefined;
          return (
            <FormField key={f.name} id={idOf(f.name)} label={f.label} error={err} required={f.required} hint={f.hint}>
              <FieldControl
                id={idOf(f.name)}
                name={f.name}
                type={f.type}
                register={form.register}
                error={err}
                options={f.options?.(options)}
                // EC連携先 and 端数処理 always have a value; the references may be unset
                placeholder={f.name === 'platform' || f.name === 'taxRounding' ? null : undefined}
                {...(f.type === 'select' ? { value: String(values[f.name] ?? '') } : {})}
                asNumber={false}
              />
              {f.name === 'importStartDate' && backwards ? (
                <div className="field-warning" role="status">
                  {backwards}
                </div>
              ) : null}
            </FormField>
          );
        })}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={save.isPending || options.loading}>
          {save.isPending ? '保存中…' : '保存'}
        </button>
        <FormStatus saved={saved && !form.formState.isDirty ? '保存しました。' : null} error={serverError} problems={problems} />
      </div>
    </form>
  );
}

/**
 * 出荷取込開始日 is the import's cursor (docs/import-rules.md#window-and-cursor): moving it back makes
 * the next 出荷取込処理 read those days again. Says what that means, or null when it does not move back.
 */
export function startDateMovedBack(saved: string | null, typed: string): string | null {
  const next = dateInputOf(typed);
  if (saved === null || !/^\d{4}-\d{2}-\d{2}$/.test(next) || next >= saved) return null;
  return (
    `出荷取込開始日を ${formatJstDate(saved)} から ${formatJstDate(next)} に戻します。次の出荷取込処理は ${formatJstDate(next)} の受注から` +
    '7日ずつ読み直します。取込済みの発送・注文は二重に取り込まれませんが、その間の受注をBカートから読み直すため時間がかかります。'
  );
}
