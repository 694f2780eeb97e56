// PostGraphile 5 calls Promise.withResolvers (Node ≥ 22); this supplies it on Node 20 (STACK.md).
if (typeof Promise.withResolvers !== 'function') {
  Promise.withResolvers = function withResolvers() {
    let resolve;
    let reject;
    const promise = new this((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}
