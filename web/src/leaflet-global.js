// leaflet.markercluster is a plugin that extends the global L: give it one, before it
// is imported (esbuild keeps import order).
import L from "leaflet";

window.L = L;
export default L;
