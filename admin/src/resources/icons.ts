import type { ComponentType } from 'react';
import ApartmentIcon from '@mui/icons-material/Apartment';
import AccountTreeIcon from '@mui/icons-material/AccountTree';
import HomeIcon from '@mui/icons-material/Home';
import PeopleIcon from '@mui/icons-material/People';
import LocationCityIcon from '@mui/icons-material/LocationCity';
import VolunteerActivismIcon from '@mui/icons-material/VolunteerActivism';
import InventoryIcon from '@mui/icons-material/Inventory';
import BusinessIcon from '@mui/icons-material/Business';
import SavingsIcon from '@mui/icons-material/Savings';
import MonitorHeartIcon from '@mui/icons-material/MonitorHeart';
import DirectionsWalkIcon from '@mui/icons-material/DirectionsWalk';
import PaymentsIcon from '@mui/icons-material/Payments';
import StraightenIcon from '@mui/icons-material/Straighten';
import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import VpnKeyIcon from '@mui/icons-material/VpnKey';
import HistoryIcon from '@mui/icons-material/History';
import TrendingUpIcon from '@mui/icons-material/TrendingUp';
import GavelIcon from '@mui/icons-material/Gavel';

/** One icon per resource in the menu (issue #17 item 13). */
export const RESOURCE_ICONS: Record<string, ComponentType> = {
  townships: AccountTreeIcon,
  villages: ApartmentIcon,
  households: HomeIcon,
  householdMembers: PeopleIcon,
  relocationSites: LocationCityIcon,
  assistanceMeasures: VolunteerActivismIcon,
  assets: InventoryIcon,
  departments: BusinessIcon,
  villageCollectiveIncomes: SavingsIcon,
  monitoringCases: MonitorHeartIcon,
  monitoringVisits: DirectionsWalkIcon,
  householdIncomes: PaymentsIcon,
  monitoringThresholds: StraightenIcon,
  users: ManageAccountsIcon,
  apiKeys: VpnKeyIcon,
  auditEvents: HistoryIcon,
  assetRevenues: TrendingUpIcon,
  assetDisposals: GavelIcon,
};
