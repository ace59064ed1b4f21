/** The eleven tables of the release's narrative part (MD&A-like), in printed order. */
import { heading, neg, row, sum, type TableDef } from './types.js';

const YOY_QOQ = { priorYear: true, priorQuarter: true } as const;

export const MDNA_TABLES: readonly TableDef[] = [
  {
    id: 'OperatingResultSummary',
    title: 'Operating Result Summary',
    ratios: YOY_QOQ,
    rows: [
      row('Revenues', 'Total Revenues'),
      row('CostOfRevenue', 'Total Costs'),
      row('SellingGeneralAdministrativeAndResearchAndDevelopmentExpense', 'SG&A Expenses / R&D'),
      row('OperatingIncomeLoss', 'Operating Income (Loss)'),
      row('NetIncomeLoss', 'Net Income (Loss)'),
    ],
    // No operating-income summation: the release prints it for 1H and in USD where a part (SG&A/R&D in USD,
    // total costs and expenses for 1H) is not printed, and Calculations 1.1 would call those contexts
    // inconsistent although the release is right. The release cross-checks test it on complete columns.
    summations: [],
  },
  {
    id: 'Revenues',
    title: 'Revenues',
    ratios: YOY_QOQ,
    rows: [
      row('Revenues', 'Total Revenues'),
      row('ConnectivityAndValueAddedServicesRevenue', 'Connectivity & VAS'),
      row('SystemsIntegrationRevenue', 'SI'),
      row('EquipmentSalesRevenue', 'Equipment Sales'),
    ],
    summations: [
      {
        ...sum('Revenues', 'ConnectivityAndValueAddedServicesRevenue', 'SystemsIntegrationRevenue', 'EquipmentSalesRevenue'),
        roundingOnly: 'in JPY millions: 2Q04 5,508 + 3,838 + 1,167 = 10,513 (printed 10,512); 1Q04 5,450 + 2,695 + 531 = 8,676 (printed 8,675)',
      },
    ],
  },
  {
    id: 'CostOfRevenues',
    title: 'Cost of Revenues',
    ratios: YOY_QOQ,
    rows: [
      row('CostOfRevenue', 'Total Costs'),
      row('CostOfConnectivityAndValueAddedServices', 'Connectivity & VAS'),
      row('CostOfSystemsIntegrationRevenue', 'SI'),
      row('CostOfEquipmentSales', 'Equipment Sales'),
    ],
    summations: [
      {
        ...sum('CostOfRevenue', 'CostOfConnectivityAndValueAddedServices', 'CostOfSystemsIntegrationRevenue', 'CostOfEquipmentSales'),
        roundingOnly: 'in JPY millions: 2Q03 5,127 + 2,276 + 935 = 8,338 (printed 8,337)',
      },
    ],
  },
  {
    id: 'ConnectivityContracts',
    title: 'Number of Contracts for Connectivity Services',
    rows: [
      row('DedicatedAccessServiceContracts', 'Dedicated Access Service Contracts'),
      row('IpServiceLowBandwidthContracts', 'IP Service (Low Bandwidth: 64kbps-768kbps)'),
      row('IpServiceMediumBandwidthContracts', 'IP Service (Medium Bandwidth: 1Mbps-99Mbps)'),
      row('IpServiceHighBandwidthContracts', 'IP Service (High Bandwidth: 100Mbps-)'),
      row('IijT1StandardAndIijEconomyContracts', 'IIJ T1 Standard and IIJ Economy'),
      row('IijDataCenterConnectivityServiceContracts', 'IIJ Data Center Connectivity Service'),
      row('BroadbandServicesContracts', 'IIJ FiberAccess/F and IIJ DSL/F (Broadband Services)'),
      row('DialUpAccessServiceContracts', 'Dial-up Access Service Contracts'),
      row('DialUpAccessServicesUnderIijBrandContracts', 'Dial-up Access Services, under IIJ Brand'),
      row('DialUpAccessServicesOemContracts', 'Dial-up Access Services, OEM'),
      row('TotalContractedBandwidth', 'Total Contracted Bandwidth'),
    ],
    summations: [
      sum(
        'DedicatedAccessServiceContracts',
        'IpServiceLowBandwidthContracts',
        'IpServiceMediumBandwidthContracts',
        'IpServiceHighBandwidthContracts',
        'IijT1StandardAndIijEconomyContracts',
        'IijDataCenterConnectivityServiceContracts',
        'BroadbandServicesContracts',
      ),
      sum('DialUpAccessServiceContracts', 'DialUpAccessServicesUnderIijBrandContracts', 'DialUpAccessServicesOemContracts'),
    ],
  },
  {
    id: 'ConnectivityAndVasRevenueBreakdown',
    title: 'Connectivity and VAS Revenue Breakdown and Cost',
    ratios: YOY_QOQ,
    rows: [
      heading('ConnectivityServiceRevenuesAbstract', 'Connectivity Service Revenues', [
        heading('DedicatedAccessServiceRevenuesAbstract', 'Dedicated Access Service Revenues', [
          row('IpServiceRevenue', 'IP Service'),
          row('IijT1StandardAndIijEconomyRevenue', 'IIJ T1 Standard and IIJ Economy'),
          row('BroadbandServicesRevenue', 'IIJ FiberAccess/F and IIJ DSL/F (Broadband Services)'),
        ]),
        heading('DialUpAccessServiceRevenuesAbstract', 'Dial-up Access Service Revenues', [
          row('DialUpAccessServicesUnderIijBrandRevenue', 'Under IIJ Brand'),
          row('DialUpAccessServicesOemRevenue', 'OEM'),
        ]),
      ]),
      row('ValueAddedServicesRevenue', 'VAS Revenues'),
      row('OtherConnectivityAndValueAddedServicesRevenue', 'Other Revenues'),
      row('ConnectivityAndValueAddedServicesRevenue', 'Total Connectivity and VAS Revenues'),
      row('CostOfConnectivityAndValueAddedServices', 'Cost of Connectivity and VAS'),
      row('BackboneCost', 'Backbone Cost (included in the cost of Connectivity and VAS)'),
      row('ConnectivityAndValueAddedServicesGrossMarginRatio', 'Connectivity and VAS Gross Margin Ratio'),
    ],
    summations: [
      {
        ...sum(
          'ConnectivityAndValueAddedServicesRevenue',
          'DedicatedAccessServicesRevenue',
          'DialUpAccessServicesRevenue',
          'ValueAddedServicesRevenue',
          'OtherConnectivityAndValueAddedServicesRevenue',
        ),
        roundingOnly:
          'in JPY millions, with the statement figures for dedicated and dial-up access rounded: 1Q04 2,918 + 752 + 1,187 + 592 = 5,449 (printed 5,450); exact in JPY thousands',
      },
      {
        ...sum('DedicatedAccessServicesRevenue', 'IpServiceRevenue', 'IijT1StandardAndIijEconomyRevenue', 'BroadbandServicesRevenue'),
        roundingOnly:
          'in JPY millions: 2Q04 2,223 + 228 + 382 = 2,833 against 2,832,355 thousand; 1Q04 2,279 + 275 + 365 = 2,919 against 2,918,488 thousand',
      },
      sum('DialUpAccessServicesRevenue', 'DialUpAccessServicesUnderIijBrandRevenue', 'DialUpAccessServicesOemRevenue'),
    ],
  },
  {
    id: 'CrossSellingRatios',
    title: 'Cross-selling Ratios',
    rows: [row('VasCrossSellingRatio', 'VAS Cross-selling Ratio'), row('SiCrossSellingRatio', 'SI Cross-selling Ratio')],
    summations: [],
  },
  {
    id: 'SystemsIntegrationRevenueBreakdown',
    title: 'Systems Integration Revenue Breakdown and Cost',
    ratios: YOY_QOQ,
    rows: [
      row('SystemsIntegrationRevenue', 'Systems Integration Revenues'),
      row('SystemsIntegrationDevelopmentRevenue', 'Systems Integration'),
      row('OutsourcedOperationRevenue', 'Outsourced Operation'),
      row('CostOfSystemsIntegrationRevenue', 'Cost of Systems Integration'),
      row('SystemsIntegrationGrossMarginRatio', 'Systems Integration Gross Margin Ratio'),
    ],
    summations: [sum('SystemsIntegrationRevenue', 'SystemsIntegrationDevelopmentRevenue', 'OutsourcedOperationRevenue')],
  },
  {
    id: 'EquipmentSales',
    title: 'Equipment Sales Revenue and Cost',
    ratios: YOY_QOQ,
    rows: [
      row('EquipmentSalesRevenue', 'Equipment Sales Revenues'),
      row('CostOfEquipmentSales', 'Cost of Equipment Sales'),
      row('EquipmentSalesGrossMarginRatio', 'Equipment Sales Gross Margin Ratio'),
    ],
    summations: [],
  },
  {
    id: 'OtherFinancialStatistics',
    title: 'Other Financial Statistics',
    ratios: YOY_QOQ,
    rows: [
      row('AdjustedEbitda', 'Adjusted EBITDA'),
      row('CapitalExpenditures', 'CAPEX, including capital leases'),
      row('DepreciationAndAmortization', 'Depreciation and amortization'),
    ],
    summations: [],
  },
  {
    id: 'AdjustedEbitdaReconciliation',
    title: 'Adjusted EBITDA',
    rows: [
      row('AdjustedEbitda', 'Adjusted EBITDA'),
      neg('DepreciationAndAmortizationExcludingAmortizationOfNoteIssuanceCosts', 'Depreciation and Amortization'),
      row('OperatingIncomeLoss', 'Operating Income (Loss)'),
      neg('OtherExpenses', 'Other Expenses'),
      row('IncomeTaxExpenseBenefit', 'Income Tax Expense (Benefit)'),
      neg('MinorityInterestInIncomeOfConsolidatedSubsidiaries', 'Minority Interests in Consolidated Subsidiaries'),
      row('EquityInNetIncomeLossOfEquityMethodInvestees', 'Equity in Net Loss of Equity Method Investees'),
      row('NetIncomeLoss', 'Net Income (Loss)'),
    ],
    summations: [
      // The bridge's first step. Operating income down to net income is the statement of operations' own
      // chain (via income before tax); repeated here it would be evaluated for 1H and USD contexts, where
      // only operating income and net income are printed, and be falsely inconsistent.
      sum('OperatingIncomeLoss', 'AdjustedEbitda', '-DepreciationAndAmortizationExcludingAmortizationOfNoteIssuanceCosts'),
    ],
  },
  {
    id: 'CapexReconciliation',
    title: 'CAPEX',
    rows: [
      row('CapitalExpenditures', 'Capital Expenditures'),
      row('AcquisitionOfAssetsByEnteringIntoCapitalLeases', 'Acquisition of Assets by Entering into Capital Leases'),
      row('PaymentsToAcquirePropertyAndEquipment', 'Purchase of Property and Equipment'),
    ],
    summations: [
      sum('CapitalExpenditures', 'AcquisitionOfAssetsByEnteringIntoCapitalLeases', 'PaymentsToAcquirePropertyAndEquipment'),
    ],
  },
];
