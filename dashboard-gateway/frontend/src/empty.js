// rsocket-core's LiteBuffer uses Node's Buffer when there is one; in the browser it uses its own
export default {};
