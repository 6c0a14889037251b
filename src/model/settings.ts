/** Analysis settings: everything a rule may depend on besides the session itself. */
export interface AnalysisSettings {
  /** Tolerance for time claims (exp/nbf), seconds. Default 300 like Microsoft.IdentityModel. */
  clockSkewSeconds: number;
  /** Origin clock difference worth reporting, seconds. Default 60. */
  skewThresholdSeconds: number;
  expectAudiences: string[];
  expectIssuers: string[];
  expectTenant?: string;
  showSecrets: boolean;
}

export const DEFAULT_SETTINGS: AnalysisSettings = {
  clockSkewSeconds: 300,
  skewThresholdSeconds: 60,
  expectAudiences: [],
  expectIssuers: [],
  showSecrets: false,
};
