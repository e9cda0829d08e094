import { useEffect, useRef } from 'react';

/**
 * A screen's one h1. It takes the focus when the screen opens, so a keyboard or screen-reader user
 * starts at the top of the new screen instead of on a button that no longer exists.
 */
export function ScreenTitle({ children, focus = true }: { children: React.ReactNode; focus?: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <h1 ref={ref} tabIndex={-1} className="screen-title">
      {children}
    </h1>
  );
}
