/**
 * Given / when / then for pure deciders: fold the given events into state, decide on the command,
 * and hand back the events decided.
 */
export function deciderSpec<State, Event, Command>(spec: {
  initial: () => State;
  evolve: (state: State, event: Event) => State;
  decide: (command: Command, state: State) => Event[];
}) {
  return {
    given: (events: readonly Event[]) => ({
      when: (command: Command) => {
        const state = events.reduce(spec.evolve, spec.initial());
        return { then: () => spec.decide(command, state), state };
      },
    }),
  };
}
