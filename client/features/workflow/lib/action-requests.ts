import { useEffect, useRef } from "react";
import type { PlainAction } from "@shared/workflow/action-procedures.ts";

/**
 * The command palette lives in the layout, the claim's action bar on the claim page; the palette asks the
 * bar to run an action, so reason dialogs, the conflict dialog and toasts stay in one place.
 */
export type ClaimActionRequest =
  | { number: string; kind: "transition"; action: PlainAction }
  | { number: string; kind: "assign_self" }
  | { number: string; kind: "unassign_self" };

const EVENT = "claimdesk:claim-action";

export function requestClaimAction(request: ClaimActionRequest): void {
  window.dispatchEvent(new CustomEvent<ClaimActionRequest>(EVENT, { detail: request }));
}

export function useClaimActionRequests(number: string, handler: (request: ClaimActionRequest) => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const listener = (e: Event) => {
      const request = (e as CustomEvent<ClaimActionRequest>).detail;
      if (request.number.toUpperCase() === number.toUpperCase()) latest.current(request);
    };
    window.addEventListener(EVENT, listener);
    return () => window.removeEventListener(EVENT, listener);
  }, [number]);
}
