/** The names of the widgets' events (`si-*`), from `GlobalEventHandlersEventMap`. */
export type SiEventName = Extract<keyof GlobalEventHandlersEventMap, `si-${string}`>;

/** The `detail` type of the event `K`. */
export type SiEventDetail<K extends SiEventName> = GlobalEventHandlersEventMap[K] extends CustomEvent<infer D> ? D : never;
