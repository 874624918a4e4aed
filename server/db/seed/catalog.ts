/** The five stores of the rule book, with the products their claims are about. */
export const demoStores = [
  { id: "kinetic", name: "Kinetic Motion", sells: "Motion-control kit parts" },
  { id: "layerworks", name: "Layerworks", sells: "3D-printer kits" },
  { id: "everyday", name: "Everyday Goods", sells: "General web shop" },
  { id: "chipyard", name: "Chipyard", sells: "Electronic components" },
  { id: "atelier", name: "Atelier Figures", sells: "Collectible figures" },
] as const;

export type Product = {
  sku: string;
  name: string;
  priceCents: number;
  electronic?: boolean;
  consumable?: boolean;
  motor?: boolean;
  partType?: string;
};

export const catalog: Record<string, readonly Product[]> = {
  kinetic: [
    { sku: "KM-NEMA17-59", name: "NEMA 17 stepper motor 59 Ncm", priceCents: 1990, electronic: true, motor: true },
    { sku: "KM-NEMA23-2N", name: "NEMA 23 stepper motor 2.4 Nm", priceCents: 4590, electronic: true, motor: true },
    { sku: "KM-SERVO-400", name: "AC servo motor 400 W kit", priceCents: 21900, electronic: true, motor: true },
    { sku: "KM-SLIDE-300", name: "Linear slider 300 mm, ball screw", priceCents: 8900 },
    { sku: "KM-PLATE-AL6", name: "Aluminium mounting plate 6 mm", priceCents: 1450 },
    { sku: "KM-DRV-DM542", name: "Stepper driver DM542", priceCents: 3290, electronic: true },
  ],
  layerworks: [
    { sku: "LW-KIT-V3", name: "Layerworks V3 printer kit", priceCents: 34900, electronic: true },
    { sku: "LW-HOTEND-X", name: "All-metal hotend assembly", priceCents: 5900, electronic: true },
    { sku: "LW-MOTOR-XY", name: "XY stepper motor", priceCents: 2400, electronic: true, motor: true },
    { sku: "LW-PSU-24V", name: "24 V power supply 350 W", priceCents: 4200, electronic: true },
    { sku: "LW-ZIP-100", name: "Zip ties, pack of 100", priceCents: 390, consumable: true },
    { sku: "LW-BEAR-LM8", name: "LM8UU ball bearings, set of 12", priceCents: 1290, consumable: true },
  ],
  everyday: [
    { sku: "ED-KETTLE-17", name: "Electric kettle 1.7 l", priceCents: 3999, electronic: true },
    { sku: "ED-HEAD-BT5", name: "Bluetooth headphones", priceCents: 7999, electronic: true },
    { sku: "ED-TEE-ORG", name: "Organic cotton T-shirt", priceCents: 1999 },
    { sku: "ED-LAMP-LED", name: "LED desk lamp", priceCents: 4499, electronic: true },
    { sku: "ED-MUG-SET", name: "Stoneware mug set of 4", priceCents: 2899 },
    { sku: "ED-BACKPACK", name: "Commuter backpack 22 l", priceCents: 6900 },
  ],
  chipyard: [
    { sku: "CY-ESP32-DEV", name: "ESP32 dev board", priceCents: 899, electronic: true },
    { sku: "CY-STM32-F4", name: "STM32F4 discovery board", priceCents: 2450, electronic: true },
    { sku: "CY-RES-KIT", name: "Resistor kit, 600 pieces", priceCents: 1190, electronic: true },
    { sku: "CY-OSC-2CH", name: "USB oscilloscope 2 channel", priceCents: 18900, electronic: true },
    { sku: "CY-FPGA-ICE", name: "iCE40 FPGA board", priceCents: 4900, electronic: true },
    { sku: "CY-SENS-BME", name: "BME280 sensor module", priceCents: 690, electronic: true },
  ],
  atelier: [
    { sku: "AT-FIG-KNIGHT", name: "1/6 Knight figure, deluxe", priceCents: 28900, partType: "body_special" },
    { sku: "AT-FIG-RONIN", name: "1/6 Ronin figure", priceCents: 24500, partType: "jointed_figure" },
    { sku: "AT-FIG-SIREN", name: "1/6 Siren seamless figure", priceCents: 31900, partType: "seamless_figure" },
    { sku: "AT-HEAD-LED", name: "Head sculpt with LED eyes", priceCents: 8900, partType: "head_sculpt_special", electronic: true },
    { sku: "AT-STAND-ORN", name: "Ornate figure stand", priceCents: 3900, partType: "figure_stand_special" },
    { sku: "AT-WEAP-SET", name: "Weapon set, large", priceCents: 4500, partType: "weapon_large" },
  ],
};
