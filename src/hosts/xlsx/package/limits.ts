/**
 * Zip-bomb limits, in one place. They are checked twice: from the central directory before
 * anything is inflated (declared sizes and ratios), and again while inflating (a zip may lie
 * about its sizes, so the inflater stops as soon as the real output passes a limit).
 */
export interface PackageLimits {
  /** Sum of the inflated sizes of every part the package declares (and of what is actually inflated). */
  maxInflatedTotal: number;
  /** Inflated size of one part. */
  maxPartSize: number;
  /** Inflated ÷ compressed size of one part, checked for parts of at least `ratioFloor` inflated bytes. */
  maxRatio: number;
  /** Parts smaller than this are not held to `maxRatio` (a tiny XML part compresses very well). */
  ratioFloor: number;
  /** Entries in the central directory. */
  maxEntries: number;
}

export const PACKAGE_LIMITS: PackageLimits = Object.freeze({
  maxInflatedTotal: 1024 * 1024 * 1024, // 1 GiB
  maxPartSize: 512 * 1024 * 1024, // 512 MiB
  maxRatio: 250,
  // a 5 MB pasted string compresses a thousandfold and is legitimate; a bomb part is larger
  ratioFloor: 64 * 1024 * 1024, // 64 MiB
  maxEntries: 10000,
});
