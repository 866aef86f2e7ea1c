import type { ComponentChildren } from "preact";
import { navigate } from "./router.ts";

interface LinkProps {
  href: string;
  children: ComponentChildren;
  class?: string;
  current?: boolean;
}

/** An ordinary link (it opens in a new tab, it is focusable) that navigates without a reload. */
export function Link({ href, children, class: className, current }: LinkProps) {
  return (
    <a
      href={href}
      class={className}
      aria-current={current ? "page" : undefined}
      onClick={(event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
        event.preventDefault();
        navigate(href);
      }}
    >
      {children}
    </a>
  );
}
