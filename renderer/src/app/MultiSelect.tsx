import { Select, type SelectProps } from 'antd';

/**
 * A multiple Select where Tab only moves on. rc-select treats Tab like Enter while the list is open,
 * and in multiple mode the list stays open after each pick: a clerk tabbing out of 角色 would add
 * (or remove) whichever option happened to be highlighted. Stopping Tab before the Select sees it
 * keeps the browser's focus move and nothing else.
 */
export function MultiSelect<V>(props: Omit<SelectProps<V[]>, 'mode'>) {
  return (
    <div
      onKeyDownCapture={(e) => {
        if (e.key === 'Tab') e.stopPropagation();
      }}
    >
      <Select<V[]> mode="multiple" {...props} />
    </div>
  );
}
