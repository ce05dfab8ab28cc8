// Minimal typing of the part of jstat that the tests of @mgraph/stats compare against (jstat ships no types; a devDependency).
declare module 'jstat' {
  interface JStat {
    studentt: { inv(p: number, dof: number): number; cdf(x: number, dof: number): number };
    centralF: { cdf(x: number, df1: number, df2: number): number };
    normal: { inv(p: number, mean: number, std: number): number };
  }
  const jStat: JStat;
  export default jStat;
}
