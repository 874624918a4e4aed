export const firstNames = [
  "Ava", "Liam", "Mia", "Noah", "Emma", "Lucas", "Olivia", "Mateo", "Sofia", "Ethan", "Isla", "Hiro", "Yuki", "Priya", "Arjun",
  "Fatima", "Omar", "Chloe", "Leo", "Zoe", "Jonas", "Freya", "Marta", "Diego", "Ana", "Chen", "Wei", "Aiko", "Kofi", "Amara",
  "Nina", "Paul", "Grace", "Samuel", "Elena", "Tariq", "Ingrid", "Rafael", "Lea", "Ben",
] as const;

export const lastNames = [
  "Smith", "Garcia", "Müller", "Rossi", "Nakamura", "Kowalski", "Okafor", "Johansson", "Dubois", "Silva", "Patel", "Kim",
  "Nguyen", "O'Brien", "Fischer", "Moreau", "Haddad", "Costa", "Larsen", "Novak", "Tanaka", "Schmidt", "Lopez", "Ahmed",
  "Williams", "Brown", "Jensen", "Petrov", "Ibrahim", "Chen",
] as const;

export const cities = [
  ["Portland", "OR", "97205"], ["Austin", "TX", "73301"], ["Chicago", "IL", "60601"], ["Denver", "CO", "80202"],
  ["Seattle", "WA", "98101"], ["Boston", "MA", "02108"], ["Miami", "FL", "33101"], ["Columbus", "OH", "43004"],
] as const;

export const streets = ["Maple Ave", "Oak St", "Pine Rd", "Cedar Ln", "Elm St", "Harbor Blvd", "Mill Rd", "Lake Dr"] as const;
