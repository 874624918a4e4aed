/** Carrier names compare without case, spaces or punctuation ("Fed-Ex" = "FedEx"). */
export function normaliseCarrier(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

// Postal services ride on some carriers' names ("Deutsche Post DHL", "DHL Global Mail", "FedEx SmartPost"
// hands the parcel to the postal service): C2 refuses postal services whatever the brand.
const postal = /\b(post|postal|mail|smartpost|usps|poste|correos)\b/i;

/**
 * C2 (rev. 2): an allowed carrier is recognised by name, as a word of its own (so "Fedexpress Couriers"
 * is not FedEx), whatever the service, case or punctuation
 * ("FedEx International Priority", "dhl-express", "Fed Ex Ground"); postal services are refused.
 */
export function carrierAllowed(allowed: ReadonlySet<string> | undefined, carrier: string): boolean {
  if (!allowed) return true;
  if (postal.test(carrier.replace(/[^A-Za-z0-9]+/g, " "))) return false;
  const words = wordsOf(carrier);
  for (const name of allowed) if (words.includes(name)) return true;
  return false;
}

function wordsOf(carrier: string): string[] {
  const words = carrier.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  // "Fed Ex" spelt in two words still names FedEx.
  return words.concat(words.slice(1).map((w, i) => words[i] + w));
}
