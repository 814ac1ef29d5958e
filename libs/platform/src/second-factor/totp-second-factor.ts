import { SecondFactor } from '@redress/application';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

const ISSUER = 'Redress support organisations';

/**
 * RFC 6238 time-based one-time passwords through `otpauth` (SHA-1, 6 digits, 30 seconds: what every authenticator
 * app reads), and the enrolment QR code drawn on the server as SVG by `qrcode` (no script, no third party).
 */
export class TotpSecondFactor extends SecondFactor {
  newSecret(): string {
    return new Secret({ size: 20 }).base32;
  }

  private totp(secret: string, label = 'partner'): TOTP {
    return new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: 30, secret });
  }

  async enrolment(secret: string, accountLabel: string): Promise<{ uri: string; qrSvg: string }> {
    const uri = this.totp(secret, accountLabel).toString();
    const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return { uri, qrSvg };
  }

  matchingStep(secret: string, code: string, at: Date): number | null {
    if (!/^\d{6}$/.test(code)) return null;
    const delta = this.totp(secret).validate({ token: code, window: 1, timestamp: at.getTime() });
    return delta === null ? null : Math.floor(at.getTime() / 30_000) + delta;
  }
}
