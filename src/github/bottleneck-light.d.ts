// bottleneck/light.js (the build without Redis clustering, the one Octokit's plugins use) has the
// types of the full package.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck';
  export default Bottleneck;
}
