// How many segments a segmentation may have: in a module of its own so the tool's schema can name the range without
// loading the k-means library (taken by the segmentation itself, in its worker or on the fallback path).
export const K_RANGE = { min: 2, max: 5 } as const;
