import { Input, type InputProps } from 'antd';

/**
 * A password box without the show/hide eye: the eye is a tab stop of its own, and at a counter
 * Tab must go straight from the password to the next field (or the button).
 */
export function PasswordInput(props: InputProps) {
  return <Input.Password {...props} visibilityToggle={false} />;
}
