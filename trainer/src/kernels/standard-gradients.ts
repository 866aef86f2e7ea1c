/**
 * tfjs-core's Node bundle registers no gradients at all; the standard set ships inside
 * tfjs-layers' bundle, which registers it when loaded. Importing this module first
 * guarantees that set is in place before the project's overrides (a later load of
 * tfjs-layers would silently put the standard Conv2D gradient back).
 */
import "@tensorflow/tfjs-layers";
